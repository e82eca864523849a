-- The search index knows each case's status, so that a search within statuses (the review
-- queue) reads only those statuses' matches: a case's FTS5 rowid carries its status code above
-- bit 40 and its kyc_cases_fts_rows.id below. One status is then a rowid range, which FTS5
-- seeks to in each trigram's list; before, every match was looked up in kyc_cases to check
-- its status (benchmark figure 4: 1,000,000 cases, 2,475 of 9,901 matches pending). The codes
-- are kept in kyc_cases_fts_status and mirrored in internal/search (a test holds them equal,
-- and to every status of the schema); a status without a code gets 0 and is searched without
-- the index. Triggers move a case's row when its status or its text changes.
CREATE TABLE `kyc_cases_fts_status` (`status` text NOT NULL PRIMARY KEY, `code` integer NOT NULL UNIQUE) WITHOUT ROWID;
INSERT INTO `kyc_cases_fts_status` (`status`, `code`) VALUES ('IN_PROGRESS', 1), ('PENDING_REVIEW', 2), ('APPROVED', 3), ('REJECTED', 4), ('RESUBMISSION_REQUESTED', 5), ('AWAITING_SECOND_REVIEW', 6);
DROP TRIGGER `kyc_cases_fts_insert`;
DROP TRIGGER `kyc_cases_fts_update`;
DROP TRIGGER `kyc_cases_fts_delete`;
DROP TABLE `kyc_cases_fts`;
CREATE VIRTUAL TABLE `kyc_cases_fts` USING fts5(`search_text`, content = '', tokenize = 'trigram');
INSERT INTO `kyc_cases_fts` (`rowid`, `search_text`)
  SELECT (coalesce(s.`code`, 0) << 40) | r.`id`, c.`search_text`
  FROM `kyc_cases_fts_rows` r JOIN `kyc_cases` c ON c.`id` = r.`case_id` LEFT JOIN `kyc_cases_fts_status` s ON s.`status` = c.`status`;
CREATE TRIGGER `kyc_cases_fts_insert` AFTER INSERT ON `kyc_cases` BEGIN
  INSERT INTO `kyc_cases_fts_rows` (`case_id`) VALUES (new.`id`);
  INSERT INTO `kyc_cases_fts` (`rowid`, `search_text`)
    SELECT (coalesce((SELECT `code` FROM `kyc_cases_fts_status` WHERE `status` = new.`status`), 0) << 40) | `id`, new.`search_text`
    FROM `kyc_cases_fts_rows` WHERE `case_id` = new.`id`;
END;
CREATE TRIGGER `kyc_cases_fts_update` AFTER UPDATE OF `search_text`, `status` ON `kyc_cases`
  WHEN old.`search_text` IS NOT new.`search_text` OR old.`status` IS NOT new.`status` BEGIN
  INSERT INTO `kyc_cases_fts` (`kyc_cases_fts`, `rowid`, `search_text`)
    SELECT 'delete', (coalesce((SELECT `code` FROM `kyc_cases_fts_status` WHERE `status` = old.`status`), 0) << 40) | `id`, old.`search_text`
    FROM `kyc_cases_fts_rows` WHERE `case_id` = old.`id`;
  INSERT INTO `kyc_cases_fts` (`rowid`, `search_text`)
    SELECT (coalesce((SELECT `code` FROM `kyc_cases_fts_status` WHERE `status` = new.`status`), 0) << 40) | `id`, new.`search_text`
    FROM `kyc_cases_fts_rows` WHERE `case_id` = new.`id`;
END;
CREATE TRIGGER `kyc_cases_fts_delete` AFTER DELETE ON `kyc_cases` BEGIN
  INSERT INTO `kyc_cases_fts` (`kyc_cases_fts`, `rowid`, `search_text`)
    SELECT 'delete', (coalesce((SELECT `code` FROM `kyc_cases_fts_status` WHERE `status` = old.`status`), 0) << 40) | `id`, old.`search_text`
    FROM `kyc_cases_fts_rows` WHERE `case_id` = old.`id`;
  DELETE FROM `kyc_cases_fts_rows` WHERE `case_id` = old.`id`;
END;
