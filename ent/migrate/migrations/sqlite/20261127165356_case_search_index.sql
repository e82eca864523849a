-- The backoffice's substring search (kyc_cases.search_text, lower-cased names and email) with
-- an index: an FTS5 table with the trigram tokenizer, contentless (the text stays in
-- kyc_cases), keyed by kyc_cases_fts_rows.id, an INTEGER PRIMARY KEY so that VACUUM keeps
-- it (an implicit rowid may change). Triggers keep it current; a query of 3 or more
-- characters uses it (graph: caseFilter), a shorter one scans search_text.
CREATE TABLE `kyc_cases_fts_rows` (`id` integer NOT NULL PRIMARY KEY, `case_id` uuid NOT NULL);
CREATE UNIQUE INDEX `kyc_cases_fts_rows_case_id` ON `kyc_cases_fts_rows` (`case_id`);
CREATE VIRTUAL TABLE `kyc_cases_fts` USING fts5(`search_text`, content = '', tokenize = 'trigram');
INSERT INTO `kyc_cases_fts_rows` (`case_id`) SELECT `id` FROM `kyc_cases`;
INSERT INTO `kyc_cases_fts` (`rowid`, `search_text`) SELECT r.`id`, c.`search_text` FROM `kyc_cases_fts_rows` r JOIN `kyc_cases` c ON c.`id` = r.`case_id`;
CREATE TRIGGER `kyc_cases_fts_insert` AFTER INSERT ON `kyc_cases` BEGIN
  INSERT INTO `kyc_cases_fts_rows` (`case_id`) VALUES (new.`id`);
  INSERT INTO `kyc_cases_fts` (`rowid`, `search_text`) SELECT `id`, new.`search_text` FROM `kyc_cases_fts_rows` WHERE `case_id` = new.`id`;
END;
CREATE TRIGGER `kyc_cases_fts_update` AFTER UPDATE OF `search_text` ON `kyc_cases` WHEN old.`search_text` IS NOT new.`search_text` BEGIN
  INSERT INTO `kyc_cases_fts` (`kyc_cases_fts`, `rowid`, `search_text`) SELECT 'delete', `id`, old.`search_text` FROM `kyc_cases_fts_rows` WHERE `case_id` = old.`id`;
  INSERT INTO `kyc_cases_fts` (`rowid`, `search_text`) SELECT `id`, new.`search_text` FROM `kyc_cases_fts_rows` WHERE `case_id` = new.`id`;
END;
CREATE TRIGGER `kyc_cases_fts_delete` AFTER DELETE ON `kyc_cases` BEGIN
  INSERT INTO `kyc_cases_fts` (`kyc_cases_fts`, `rowid`, `search_text`) SELECT 'delete', `id`, old.`search_text` FROM `kyc_cases_fts_rows` WHERE `case_id` = old.`id`;
  DELETE FROM `kyc_cases_fts_rows` WHERE `case_id` = old.`id`;
END;
