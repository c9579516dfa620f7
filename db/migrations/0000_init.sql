CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feed_id` integer NOT NULL,
	`entry_key` text NOT NULL,
	`guid` text,
	`url` text,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`author` text,
	`lang` text,
	`published_at` integer NOT NULL,
	`date_source` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`content_hash` text NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_feed_entry_uq` ON `articles` (`feed_id`,`entry_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `articles_url_uq` ON `articles` (`url`) WHERE "articles"."url" is not null;--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_feed_published_idx` ON `articles` (`feed_id`,`published_at`,`id`);--> statement-breakpoint
CREATE TABLE `feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`name` text,
	`site_url` text,
	`lang` text,
	`country` text,
	`enabled` integer DEFAULT true NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`etag` text,
	`last_modified` text,
	`last_fetched_at` integer,
	`last_attempt_at` integer,
	`last_status` integer,
	`last_error` text,
	`error_count` integer DEFAULT 0 NOT NULL,
	`failing_since` integer,
	`next_fetch_at` integer DEFAULT 0 NOT NULL,
	`interval_ms` integer,
	`article_count` integer DEFAULT 0 NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feeds_url_unique` ON `feeds` (`url`);--> statement-breakpoint
CREATE INDEX `feeds_due_idx` ON `feeds` (`enabled`,`next_fetch_at`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`scope` text,
	`status` text NOT NULL,
	`summary` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `job_runs_job_started_idx` ON `job_runs` (`job`,`started_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `article_topics` (
	`article_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`published_at` integer NOT NULL,
	`terms` text NOT NULL,
	PRIMARY KEY(`article_id`, `topic_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_topics_topic_time_idx` ON `article_topics` (`topic_id`,`published_at`,`article_id`);--> statement-breakpoint
CREATE TABLE `topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`color` text NOT NULL,
	`query` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`tagged_version` integer DEFAULT 0 NOT NULL,
	`retag_cursor` integer DEFAULT 0 NOT NULL,
	`retag_done` integer DEFAULT 0 NOT NULL,
	`retag_total` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topics_slug_unique` ON `topics` (`slug`);--> statement-breakpoint
CREATE TABLE `coverage_detail` (
	`topic_id` integer NOT NULL,
	`quarter` integer NOT NULL,
	`feed_id` integer NOT NULL,
	`lang` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`topic_id`, `quarter`, `feed_id`, `lang`),
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coverage_detail_feed_idx` ON `coverage_detail` (`feed_id`);--> statement-breakpoint
CREATE TABLE `coverage_hourly` (
	`topic_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`topic_id`, `hour`)
);
