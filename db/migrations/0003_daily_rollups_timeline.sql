CREATE TABLE `coverage_daily` (
	`topic_id` integer NOT NULL,
	`day` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`topic_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `coverage_daily_detail` (
	`topic_id` integer NOT NULL,
	`day` integer NOT NULL,
	`feed_id` integer NOT NULL,
	`lang` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`topic_id`, `day`, `feed_id`, `lang`),
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coverage_daily_detail_feed_idx` ON `coverage_daily_detail` (`feed_id`);--> statement-breakpoint
CREATE TABLE `ingest_outages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`reason` text NOT NULL,
	`passes` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ingest_outages_time_idx` ON `ingest_outages` (`started_at`);--> statement-breakpoint
CREATE TABLE `story_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`label` text NOT NULL,
	`topic_id` integer,
	`url` text,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `story_events_at_idx` ON `story_events` (`at`);