CREATE TABLE "report_texts" (
	"unit_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"period" text NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"recipient" text DEFAULT '' NOT NULL,
	"recipients" text DEFAULT '' NOT NULL,
	"signer_position" text DEFAULT '' NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"activities" text DEFAULT '' NOT NULL,
	"difficulties" text DEFAULT '' NOT NULL,
	"proposals" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "report_texts_pk" PRIMARY KEY("unit_id","plan_id","period")
);
--> statement-breakpoint
ALTER TABLE "report_texts" ADD CONSTRAINT "report_texts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_texts" ADD CONSTRAINT "report_texts_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_texts" ADD CONSTRAINT "report_texts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;