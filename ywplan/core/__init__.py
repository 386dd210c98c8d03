"""The pure core: the plan and entry model, target kinds, dates, progress, periods, ranking,
rules and recording. Knows nothing of files, terminals or formats."""
