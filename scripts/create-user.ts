// Creates an approved account from the command line, e.g. the first administrator of a deployment:
//   npm run user:create -- --email ada@example.org --role admin [--name "Ada L."] [--username ada]
//     [--organization "Ministry of Health"] [--country GB] [--member-type regulator] [--language en]
// The password is read from USER_PASSWORD, or asked for at a prompt that does not echo it.
// With --reset-two-factor it creates nothing: it removes the second factor of the existing account
// with that email (a lost phone), signs it out everywhere and records it in the audit log:
//   npm run user:create -- --email ada@example.org --reset-two-factor
import { parseArgs } from "node:util";
import readline from "node:readline";
import { Writable } from "node:stream";
import { migrateToLatest } from "~db/migrate";
import { recordAudit } from "~/models/audit.server";
import { emailOrUsernameTaken, findUserByEmail, insertUser } from "~/models/user.server";
import { resetTwoFactor } from "~/services/account/two-factor.server";
import { closeDatabase, getConnection, writeTransaction } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { indexMember } from "~/services/search/indexers.server";
import { z } from "zod";
import {
  countryField,
  emailField,
  languageField,
  memberTypeField,
  passwordField,
  siteRoleField,
  usernameField,
} from "~/schemas/primitives";

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    // Piped input: read the first line without echoing anything.
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return "";
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

const argsSchema = z.object({
  email: emailField,
  role: siteRoleField.default("member"),
  username: usernameField,
  name: z.string().trim().min(1).max(100),
  organization: z.string().trim().min(1).max(200),
  country: countryField,
  memberType: memberTypeField,
  language: languageField,
});

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", default: "member" },
      name: { type: "string" },
      username: { type: "string" },
      organization: { type: "string", default: "Network Secretariat" },
      country: { type: "string", default: "CH" },
      "member-type": { type: "string", default: "secretariat" },
      language: { type: "string", default: "en" },
      "reset-two-factor": { type: "boolean", default: false },
    },
  });
  if (!values.email) throw new Error("--email is required");
  if (values["reset-two-factor"]) {
    const { db } = getConnection();
    await migrateToLatest(db);
    const user = await findUserByEmail(db, values.email);
    if (!user) throw new Error(`No account has the email ${values.email}.`);
    await resetTwoFactor(db, null, user.id, "cli");
    console.log(
      `Two-factor sign-in of ${user.email} (@${user.username}) has been reset; its sessions have ended. It can sign in with its password and enrol again.`,
    );
    return;
  }
  const parsed = argsSchema.safeParse({
    email: values.email,
    role: values.role,
    username:
      values.username ??
      values.email
        .split("@")[0]
        .replace(/[^a-z0-9._-]/gi, "")
        .toLowerCase()
        .padEnd(3, "0"),
    name: values.name ?? values.email.split("@")[0],
    organization: values.organization,
    country: values.country,
    memberType: values["member-type"],
    language: values.language,
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
  }
  const password = process.env.USER_PASSWORD ?? (await promptHidden("Password (at least 12 characters): "));
  const checked = passwordField.safeParse(password);
  if (!checked.success) throw new Error("The password must have between 12 and 200 characters.");

  const { db } = getConnection();
  await migrateToLatest(db);
  const passwordHash = await hashPassword(password);
  const account = parsed.data;
  const id = await writeTransaction(db, async (trx) => {
    const taken = await emailOrUsernameTaken(trx, account.email, account.username);
    if (taken.email) throw new Error(`An account with the email ${account.email} already exists.`);
    if (taken.username) throw new Error(`The username ${account.username} is taken; choose another with --username.`);
    const userId = await insertUser(trx, {
      email: account.email,
      passwordHash,
      displayName: account.name,
      username: account.username,
      organization: account.organization,
      country: account.country,
      memberType: account.memberType,
      language: account.language,
      status: "approved",
      siteRole: account.role,
    });
    await recordAudit(trx, {
      actorId: null,
      action: "user.create",
      subjectType: "user",
      subjectId: userId,
      data: { after: { status: "approved", siteRole: account.role } },
    });
    await indexMember(trx, userId);
    return userId;
  });
  console.log(`Created ${account.role} ${account.email} (@${account.username}, id ${id}).`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDatabase);
