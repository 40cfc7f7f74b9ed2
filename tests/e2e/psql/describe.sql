-- psql's describe commands over the schema of schema.sql.
\set ON_ERROR_STOP 1
\d
\dt
\di
\ds
\dn
\d users
\d posts
\d idx_posts_title
\l
\dx
\d users_id_seq
\dp users
\du
\df
