# The guide's JSONB, join/aggregate, subquery, window function and CTE
# examples, unchanged; results are printed for the test to check.
from sqlalchemy import select, func, text
from db import SessionFactory, engine
from models import User, Post
with SessionFactory() as session:
    # Containment query
    admins = session.execute(
        select(User).where(User.metadata_.contains({"role": "admin"}))
    ).scalars().all()
    print("admins", sorted(u.name for u in admins))
with engine.begin() as conn:
    conn.execute(text(
        "UPDATE users SET metadata = jsonb_set(metadata, '{level}', '5'::jsonb) WHERE id = 1"
    ))
with SessionFactory() as session:
    # Join with aggregation
    results = session.execute(
        select(User.name, func.count(Post.id).label("post_count"))
        .join(Post, User.id == Post.author_id)
        .group_by(User.name)
        .having(func.count(Post.id) >= 1)
        .order_by(User.name)
    ).all()
    print("post_counts", [tuple(r) for r in results])
    # Subquery
    subq = (
        select(Post.author_id, func.count().label("cnt"))
        .group_by(Post.author_id)
        .subquery()
    )
    top_authors = session.execute(
        select(User.name)
        .join(subq, User.id == subq.c.author_id)
        .where(subq.c.cnt >= 2)
    ).scalars().all()
    print("top_authors", sorted(top_authors))
with engine.begin() as conn:
    # Window function
    rows = conn.execute(text("""
        SELECT name, email,
        ROW_NUMBER() OVER (ORDER BY created_at) AS row_num
        FROM users
    """)).fetchall()
    print("row_numbers", sorted(r.row_num for r in rows))
    # CTE
    rows = conn.execute(text("""
        WITH recent AS (
        SELECT * FROM posts WHERE created_at > now() - interval '7 days'
        )
        SELECT u.name, r.title
        FROM users u JOIN recent r ON u.id = r.author_id
    """)).fetchall()
    print("recent", sorted(tuple(r) for r in rows))
