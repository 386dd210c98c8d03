"""Writers that give a :class:`~ywplan.table.Table` or a progress view a format."""
