export async function run(): Promise<number> {
  console.error("import-plan: chưa có / not yet available");
  return 1;
}
