# The guide's savepoint example with "metadata" given, so the INSERT is valid.
from sqlalchemy import text
from db import engine
# Savepoints
with engine.begin() as conn:
    conn.execute(text("SAVEPOINT sp1"))
    conn.execute(text("INSERT INTO users (email, name, metadata) VALUES ('x@x.com', 'X', '{}')"))
    conn.execute(text("ROLLBACK TO SAVEPOINT sp1"))
    conn.execute(text("RELEASE SAVEPOINT sp1"))
