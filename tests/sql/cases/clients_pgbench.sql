-- What pgbench 15 sends for -i (minus COPY, which tests/e2e covers) and for a
-- TPC-B-like transaction with -M extended parameters (recorded with log_statement=all).
drop table if exists pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers;
create table pgbench_history(tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22));
create table pgbench_tellers(tid int not null,bid int,tbalance int,filler char(84)) with (fillfactor=100);
create table pgbench_accounts(aid    int not null,bid int,abalance int,filler char(84)) with (fillfactor=100);
create table pgbench_branches(bid int not null,bbalance int,filler char(88)) with (fillfactor=100);
begin;
truncate table pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers;
insert into pgbench_branches(bid,bbalance) values(1,0);
insert into pgbench_tellers(tid,bid,tbalance) values (1,1,0);
insert into pgbench_tellers(tid,bid,tbalance) values (2,1,0);
insert into pgbench_accounts(aid,bid,abalance,filler) values (1,1,0,''), (2,1,0,''), (3,1,0,'');
commit;
vacuum analyze pgbench_branches;
vacuum analyze pgbench_accounts;
alter table pgbench_branches add primary key (bid);
alter table pgbench_tellers add primary key (tid);
alter table pgbench_accounts add primary key (aid);
select count(*) from pgbench_branches;
vacuum pgbench_branches;
truncate pgbench_history;
-- @simple
BEGIN;
-- @params ["2477", "2"]
UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2;
-- @params ["2"]
SELECT abalance FROM pgbench_accounts WHERE aid = $1;
-- @params ["2477", "1"]
UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2;
-- @params ["2477", "1"]
UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2;
-- @params ["1", "1", "2", "2477"]
INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP);
-- @simple
END;
UPDATE pgbench_accounts SET abalance = abalance + -100 WHERE aid = 3;
SELECT abalance FROM pgbench_accounts WHERE aid = 3;
SELECT aid, abalance, length(filler) FROM pgbench_accounts ORDER BY aid;
SELECT tid, tbalance FROM pgbench_tellers ORDER BY tid;
SELECT bid, bbalance FROM pgbench_branches;
SELECT tid, bid, aid, delta, mtime IS NOT NULL FROM pgbench_history;
