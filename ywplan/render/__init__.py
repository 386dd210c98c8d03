"""Writers that give a :class:`~ywplan.reports.table.Table` or a progress view a format."""
