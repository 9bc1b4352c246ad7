"""Use cases that join the rules and the database (web → services → rules; services → db)."""
