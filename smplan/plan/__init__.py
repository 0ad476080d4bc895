"""The plan: its model, reading and writing plan files, its schema and skeleton."""
