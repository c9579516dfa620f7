CREATE TABLE `coverage_hourly_feed` (
	`topic_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`feed_id` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`topic_id`, `hour`, `feed_id`),
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coverage_hourly_feed_feed_idx` ON `coverage_hourly_feed` (`feed_id`);