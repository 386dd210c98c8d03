"""Files: the YAML plan, the CSV ledger, the ledger index, plan discovery, the workspace
that opens a plan with its ledger. Prints nothing."""
