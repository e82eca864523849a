-- The NOTIFY for a committed case event is no longer sent by a trigger inside the
-- transaction that appends it: the server sends it after commit (server/pubsub.go), batched.
-- PostgreSQL serialises the commits of every transaction that sent a NOTIFY under one global
-- lock, held through the commit record's WAL flush, so with the trigger no two transitions
-- shared a flush (group commit): on a durable cluster at 64 clients pgbench's transition
-- script fell from 2,210 to 985 tps with a pg_notify added inside it. A notice lost to a
-- crash between the commit and the NOTIFY is found by every replica's periodic sweep of
-- case_events; the event itself commits as before.
DROP TRIGGER IF EXISTS case_events_notify ON case_events;
DROP FUNCTION IF EXISTS kyc_notify_case_event();
