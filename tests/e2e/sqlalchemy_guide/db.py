# The guide's db.py, unchanged except the connection string, which the tests
# pass in DATABASE_URL (a db9 database made by the `database` fixture).
import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
def build_engine(database_url: str) -> Engine:
    url = database_url.strip()
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    elif url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://"):]
    return create_engine(url, pool_pre_ping=True)
engine = build_engine(
    os.environ["DATABASE_URL"]
)
SessionFactory = sessionmaker(bind=engine, expire_on_commit=False)
