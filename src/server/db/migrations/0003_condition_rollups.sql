CREATE TABLE "condition_results" (
	"reporter" text NOT NULL,
	"period" text NOT NULL,
	"condition_key" text NOT NULL,
	"unit_id" integer NOT NULL,
	"meets" boolean NOT NULL,
	CONSTRAINT "condition_results_reporter_period_condition_key_pk" PRIMARY KEY("reporter","period","condition_key")
);
--> statement-breakpoint
CREATE TABLE "condition_rollups" (
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"condition_key" text NOT NULL,
	"meeting" integer NOT NULL,
	"reporting" integer NOT NULL,
	CONSTRAINT "condition_rollups_unit_id_period_condition_key_pk" PRIMARY KEY("unit_id","period","condition_key")
);
--> statement-breakpoint
ALTER TABLE "condition_results" ADD CONSTRAINT "condition_results_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_rollups" ADD CONSTRAINT "condition_rollups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "condition_rollups_key_period_idx" ON "condition_rollups" USING btree ("condition_key","period");