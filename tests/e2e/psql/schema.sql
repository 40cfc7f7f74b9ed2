-- A small schema built through psql, as a user would type it.
\set ON_ERROR_STOP 1
CREATE TABLE users (
  id serial PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  name varchar(100) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE posts (
  id serial PRIMARY KEY,
  title varchar(500) NOT NULL,
  author_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_posts_title ON posts (title);
INSERT INTO users (email, name) VALUES ('a@x', 'Ann'), ('b@x', 'Ben');
INSERT INTO posts (title, author_id) VALUES ('hello', 1), ('again', 1), ('mine', 2);
\copy posts (title, author_id) FROM 'posts.csv' WITH (FORMAT csv)
SELECT u.name, count(p.id) AS posts FROM users u LEFT JOIN posts p ON p.author_id = u.id GROUP BY u.name ORDER BY u.name;
SELECT count(*) AS total FROM posts \gset
\echo total posts: :total
BEGIN;
UPDATE posts SET title = upper(title) WHERE author_id = 2;
SAVEPOINT s;
DELETE FROM posts;
ROLLBACK TO SAVEPOINT s;
COMMIT;
SELECT title FROM posts WHERE author_id = 2 ORDER BY title;
