CREATE TABLE `store_epoch` (
	`id` integer PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `store_epoch` (`id`, `value`) VALUES (1, 0);
--> statement-breakpoint
-- Writes that change a story lookup's answer outside a feed's store (which moves the epoch itself): an article
-- deleted (retention, a feed removed, the sample removed), or its story, time, language or text changed (a
-- stories rebuild). Per row, as SQLite's triggers are; each is one small update.
CREATE TRIGGER `articles_store_epoch_delete` AFTER DELETE ON `articles` BEGIN
  UPDATE store_epoch SET value = value + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_store_epoch_update` AFTER UPDATE OF story_id, published_at, lang, title, summary ON `articles` BEGIN
  UPDATE store_epoch SET value = value + 1 WHERE id = 1;
END;
