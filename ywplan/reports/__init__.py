"""What each command shows, as tables and JSON documents (:mod:`.table` is the shared shape)."""
