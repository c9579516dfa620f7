CREATE TABLE `coverage_monthly_detail` (
	`topic_id` integer NOT NULL,
	`month` integer NOT NULL,
	`feed_id` integer NOT NULL,
	`lang` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`topic_id`, `month`, `feed_id`, `lang`),
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coverage_monthly_detail_feed_idx` ON `coverage_monthly_detail` (`feed_id`);--> statement-breakpoint
CREATE TABLE `coverage_set_daily_detail` (
	`set_id` integer NOT NULL,
	`day` integer NOT NULL,
	`feed_id` integer NOT NULL,
	`lang` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`set_id`, `day`, `feed_id`, `lang`),
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coverage_set_daily_detail_feed_idx` ON `coverage_set_daily_detail` (`feed_id`);--> statement-breakpoint
CREATE TABLE `coverage_set_monthly_detail` (
	`set_id` integer NOT NULL,
	`month` integer NOT NULL,
	`feed_id` integer NOT NULL,
	`lang` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`set_id`, `month`, `feed_id`, `lang`),
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coverage_set_monthly_detail_feed_idx` ON `coverage_set_monthly_detail` (`feed_id`);--> statement-breakpoint
CREATE TABLE `topic_set_members` (
	`topic_id` integer NOT NULL,
	`set_id` integer NOT NULL,
	PRIMARY KEY(`topic_id`, `set_id`),
	FOREIGN KEY (`set_id`) REFERENCES `topic_sets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `topic_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topics` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topic_sets_topics_uq` ON `topic_sets` (`topics`);