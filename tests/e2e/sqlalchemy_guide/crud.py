# The guide's CRUD and upsert example, unchanged.
from sqlalchemy import select, text
from db import SessionFactory
from models import User, Post
# Create
with SessionFactory() as session:
    user = User(email="alice@example.com", name="Alice", metadata_={"role": "admin"})
    session.add(user)
    session.commit()
    post = Post(title="Getting Started", content="Hello DB9", author_id=user.id)
    session.add(post)
    session.commit()
# Read
with SessionFactory() as session:
    user = session.get(User, 1)
    print(user.name) # "Alice"
    users = session.execute(
        select(User).where(User.name == "Alice")
    ).scalars().all()
# Update
with SessionFactory() as session:
    user = session.get(User, 1)
    user.name = "Alice Updated"
    session.commit()
# Upsert (INSERT ... ON CONFLICT)
from sqlalchemy.dialects.postgresql import insert
with SessionFactory() as session:
    stmt = insert(User).values(email="alice@example.com", name="Alice V2")
    stmt = stmt.on_conflict_do_update(
        index_elements=["email"],
        set_={"name": stmt.excluded.name},
    )
    session.execute(stmt)
    session.commit()
# Delete
with SessionFactory() as session:
    user = session.get(User, 1)
    session.delete(user) # cascades to posts
    session.commit()
