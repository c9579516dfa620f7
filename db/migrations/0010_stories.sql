CREATE TABLE `stories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lang` text NOT NULL,
	`article_count` integer NOT NULL,
	`first_article_id` integer NOT NULL,
	`first_published_at` integer NOT NULL,
	`last_published_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stories_first_published_idx` ON `stories` (`first_published_at`,`id`);--> statement-breakpoint
CREATE INDEX `stories_size_idx` ON `stories` (`article_count`,`id`);--> statement-breakpoint
CREATE TABLE `story_bands` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` integer NOT NULL,
	`published_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `story_bands_key_idx` ON `story_bands` (`key`,`published_at`);--> statement-breakpoint
ALTER TABLE `articles` ADD `story_id` integer;--> statement-breakpoint
CREATE INDEX `articles_story_idx` ON `articles` (`story_id`,`published_at`,`id`);