// SQLite store.
