-- Keyset paging as the desktop grid and most web apps page: the rows after
-- (or before) the last one seen, in an index's order, forwards and
-- backwards, with ties on the sort column broken by the primary key.
CREATE TABLE items (id integer PRIMARY KEY, qty integer NOT NULL, label text);
CREATE INDEX items_qty ON items (qty);
INSERT INTO items SELECT g, g % 5, 'item ' || g FROM generate_series(1, 40) g;
SELECT id, qty FROM items ORDER BY qty, id LIMIT 4;
SELECT id, qty FROM items WHERE (qty > 0 OR (qty = 0 AND id > 20)) ORDER BY qty, id LIMIT 4;
SELECT id, qty FROM items WHERE (qty > 0 OR (qty = 0 AND id > 40)) ORDER BY qty, id LIMIT 4;
SELECT id, qty FROM items WHERE (qty > 4 OR (qty = 4 AND id > 39)) ORDER BY qty, id LIMIT 4;
SELECT id, qty FROM items WHERE (qty < 4 OR (qty = 4 AND id < 9)) ORDER BY qty DESC, id DESC LIMIT 4;
SELECT id, qty FROM items WHERE (qty < 0 OR (qty = 0 AND id < 10)) ORDER BY qty DESC, id DESC LIMIT 4;
SELECT id, qty FROM items WHERE (qty > 2 OR (qty = 2 AND id > 12)) AND label LIKE '%3%' ORDER BY qty, id LIMIT 3;
SELECT id, qty FROM items WHERE (qty >= 3 OR qty = 3) ORDER BY qty, id LIMIT 3;
SELECT id, qty FROM items WHERE (qty > 2.5 OR (qty = 2.5 AND id > 1)) ORDER BY qty, id LIMIT 3;
SELECT id, qty FROM items WHERE (qty > 3 OR qty > 1) ORDER BY qty, id LIMIT 3;
SELECT id, qty FROM items WHERE (qty > NULL OR (qty = NULL AND id > 1)) ORDER BY qty, id LIMIT 3;
-- @params [1, 30]
SELECT id, qty FROM items WHERE (qty > $1 OR (qty = $1 AND id > $2)) ORDER BY qty, id LIMIT 3;
