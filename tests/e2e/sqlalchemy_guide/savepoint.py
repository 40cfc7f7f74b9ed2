# The guide's savepoint example, unchanged. As written it fails with 23502:
# the model makes "metadata" NOT NULL and raw SQL gets no ORM default (see
# client-facts.md, errata).
from sqlalchemy import text
from db import engine
# Savepoints
with engine.begin() as conn:
    conn.execute(text("SAVEPOINT sp1"))
    conn.execute(text("INSERT INTO users (email, name) VALUES ('x@x.com', 'X')"))
    conn.execute(text("ROLLBACK TO SAVEPOINT sp1"))
    conn.execute(text("RELEASE SAVEPOINT sp1"))
