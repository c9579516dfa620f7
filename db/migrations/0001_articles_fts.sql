-- Full-text index over article titles and summaries (FTS5, external content: the text lives once, in articles).
-- The trigram tokenizer matches any substring of three or more characters, so Chinese and Japanese text
-- (which has no spaces to split on) and German compounds ("Chipaktien" for "aktien") are found; shorter
-- queries fall back to a scan in db/queries. Triggers keep the index in step with every write, cascades included.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  title,
  summary,
  content='articles',
  content_rowid='id',
  tokenize='trigram remove_diacritics 1'
);
--> statement-breakpoint
CREATE TRIGGER `articles_fts_insert` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_delete` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_update` AFTER UPDATE OF title, summary ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
  INSERT INTO articles_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
--> statement-breakpoint
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
