CREATE TABLE "reminders" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"reporter_key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" integer,
	"message" text
);
--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminders_round_reporter_idx" ON "reminders" USING btree ("round_id","reporter_key","sent_at");