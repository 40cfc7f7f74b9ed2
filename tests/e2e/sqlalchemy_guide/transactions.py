# The guide's transaction examples (explicit commit, rollback), unchanged.
from sqlalchemy import text
from db import SessionFactory, engine
from models import User
# Explicit commit
with SessionFactory() as session:
    session.add(User(email="bob@example.com", name="Bob"))
    session.flush() # sends to DB but doesn't commit
    session.commit() # commits the transaction
# Rollback
with SessionFactory() as session:
    session.add(User(email="temp@example.com", name="Temp"))
    session.flush()
    session.rollback()
# user was not persisted
