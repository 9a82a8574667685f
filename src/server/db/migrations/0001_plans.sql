CREATE TABLE "catalogue_goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"strategy_id" integer NOT NULL,
	"number" integer NOT NULL,
	"domain" text,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"strategy_id" integer NOT NULL,
	"goal_id" integer NOT NULL,
	"code" text NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_strategies" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"issued_by" jsonb NOT NULL,
	"period_from" integer NOT NULL,
	"period_to" integer NOT NULL,
	"general_objective" text,
	"note" text,
	CONSTRAINT "catalogue_strategies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "catalogue_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"year" integer NOT NULL,
	"comparator" text NOT NULL,
	"value" double precision,
	"unit" text,
	"subject" text,
	"note" text,
	"verified" boolean NOT NULL,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"number" integer NOT NULL,
	"domain" text,
	"title" text NOT NULL,
	"catalogue_goal_id" integer,
	"upper_goal_id" integer
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"goal_id" integer NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"catalogue_indicator_id" integer,
	"upper_indicator_id" integer,
	"is_local" boolean DEFAULT false NOT NULL,
	"dropped" boolean DEFAULT false NOT NULL,
	"drop_reason" text,
	"previous_version_indicator_id" integer
);
--> statement-breakpoint
CREATE TABLE "plan_responsibilities" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"subject" text,
	"comparator" text NOT NULL,
	"value" double precision,
	"unit" text,
	"year" integer NOT NULL,
	"baseline" double precision
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"issuer_agency_id" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_version_id" integer,
	"source_kind" text,
	"source_strategy_id" integer,
	"source_plan_id" integer,
	"number" text,
	"symbol" text NOT NULL,
	"place" text NOT NULL,
	"issued_on" date,
	"title" text NOT NULL,
	"period_from" integer NOT NULL,
	"period_to" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "catalogue_goals" ADD CONSTRAINT "catalogue_goals_strategy_id_catalogue_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."catalogue_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_indicators" ADD CONSTRAINT "catalogue_indicators_strategy_id_catalogue_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."catalogue_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_indicators" ADD CONSTRAINT "catalogue_indicators_goal_id_catalogue_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."catalogue_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_targets" ADD CONSTRAINT "catalogue_targets_indicator_id_catalogue_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."catalogue_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_catalogue_goal_id_catalogue_goals_id_fk" FOREIGN KEY ("catalogue_goal_id") REFERENCES "public"."catalogue_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_upper_goal_id_plan_goals_id_fk" FOREIGN KEY ("upper_goal_id") REFERENCES "public"."plan_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_goal_id_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_catalogue_indicator_id_catalogue_indicators_id_fk" FOREIGN KEY ("catalogue_indicator_id") REFERENCES "public"."catalogue_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_upper_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("upper_indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_responsibilities" ADD CONSTRAINT "plan_responsibilities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_responsibilities" ADD CONSTRAINT "plan_responsibilities_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_responsibilities" ADD CONSTRAINT "plan_responsibilities_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_issuer_agency_id_agencies_id_fk" FOREIGN KEY ("issuer_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_previous_version_id_plans_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_source_strategy_id_catalogue_strategies_id_fk" FOREIGN KEY ("source_strategy_id") REFERENCES "public"."catalogue_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_source_plan_id_plans_id_fk" FOREIGN KEY ("source_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_goals_uq" ON "catalogue_goals" USING btree ("strategy_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_indicators_uq" ON "catalogue_indicators" USING btree ("strategy_id","code");--> statement-breakpoint
CREATE INDEX "catalogue_indicators_goal_idx" ON "catalogue_indicators" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "catalogue_targets_indicator_idx" ON "catalogue_targets" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_goals_number_uq" ON "plan_goals" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_indicators_plan_idx" ON "plan_indicators" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_indicators_upper_idx" ON "plan_indicators" USING btree ("upper_indicator_id");--> statement-breakpoint
CREATE INDEX "plan_indicators_catalogue_idx" ON "plan_indicators" USING btree ("catalogue_indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_responsibilities_uq" ON "plan_responsibilities" USING btree ("indicator_id","agency_id","role");--> statement-breakpoint
CREATE INDEX "plan_responsibilities_plan_idx" ON "plan_responsibilities" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_responsibilities_agency_idx" ON "plan_responsibilities" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "plan_targets_indicator_idx" ON "plan_targets" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "plans_unit_idx" ON "plans" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "plans_source_plan_idx" ON "plans" USING btree ("source_plan_id");