-- The band index moves to a table keyed by (week, key, published_at, article_id) WITHOUT ROWID: a band row is one
-- B-tree entry instead of a table row plus an index entry, and a feed's new (mostly recent) articles write into
-- the recent weeks' pages rather than all over the index (issue 12: the band rows were the store's second cost).
-- Each article's keys go to story_keys, for the delete trigger. drizzle-kit cannot declare WITHOUT ROWID, so the
-- rows are converted here into tables set aside (`_v2`), 0015 (generated) replaces the old table with an empty
-- one of the new columns, and 0016 swaps the converted tables in and makes the trigger anew. The trigger goes
-- first: renaming a table while a trigger names a missing one fails.
DROP TRIGGER `articles_story_delete`;
--> statement-breakpoint
CREATE TABLE `story_bands_v2` (
	`week` integer NOT NULL,
	`key` integer NOT NULL,
	`published_at` integer NOT NULL,
	`article_id` integer NOT NULL,
	PRIMARY KEY(`week`, `key`, `published_at`, `article_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- A band row's id was article_id * 32 + band (the old BAND_SLOTS); a week is 604,800,000 ms (BAND_WEEK_MS).
INSERT OR IGNORE INTO story_bands_v2 (week, key, published_at, article_id)
SELECT published_at / 604800000, key, published_at, id / 32 FROM story_bands WHERE true ORDER BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TABLE `story_keys_v2` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`published_at` integer NOT NULL,
	`keys` text NOT NULL
);
--> statement-breakpoint
INSERT INTO story_keys_v2 (article_id, published_at, keys)
SELECT id / 32, max(published_at), json_group_array(key) FROM story_bands GROUP BY id / 32 ORDER BY 1;
--> statement-breakpoint
-- Empty, with the new columns, for 0015 to copy from.
DROP TABLE `story_bands`;
--> statement-breakpoint
CREATE TABLE `story_bands` (
	`week` integer NOT NULL,
	`key` integer NOT NULL,
	`published_at` integer NOT NULL,
	`article_id` integer NOT NULL
);
