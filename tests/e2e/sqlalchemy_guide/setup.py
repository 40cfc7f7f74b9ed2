# The guide's setup.py, unchanged.
from db import engine
from models import Base
Base.metadata.create_all(engine)
print("Tables created")
