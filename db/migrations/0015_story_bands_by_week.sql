CREATE TABLE `story_keys` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`published_at` integer NOT NULL,
	`keys` text NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_story_bands` (
	`week` integer NOT NULL,
	`key` integer NOT NULL,
	`published_at` integer NOT NULL,
	`article_id` integer NOT NULL,
	PRIMARY KEY(`week`, `key`, `published_at`, `article_id`)
);
--> statement-breakpoint
INSERT INTO `__new_story_bands`("week", "key", "published_at", "article_id") SELECT "week", "key", "published_at", "article_id" FROM `story_bands`;--> statement-breakpoint
DROP TABLE `story_bands`;--> statement-breakpoint
ALTER TABLE `__new_story_bands` RENAME TO `story_bands`;--> statement-breakpoint
PRAGMA foreign_keys=ON;