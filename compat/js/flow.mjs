// Signs in to Gatehouse and uses it with the stock AWS SDK for JavaScript v3, as a user's code
// would: endpoint override, region us-east-1, nothing else.
//
//   node flow.mjs http://127.0.0.1:8080        (or GATEHOUSE_URL=... node flow.mjs)
//
// Prints "USER_CODE XXXX-XXXX" once the device code is ready for someone to approve, and at the end
// one line "RESULT {json}" with what it saw. Any unexpected error goes to stderr, exit code 1.
// JavaScriptSdkTest (gatehouse-server) runs it, approves the code and checks the RESULT.
import {
  SSOOIDCClient, RegisterClientCommand, StartDeviceAuthorizationCommand, CreateTokenCommand,
  AuthorizationPendingException, SlowDownException,
} from "@aws-sdk/client-sso-oidc";
import {
  SSOClient, paginateListAccounts, paginateListAccountRoles, ListAccountsCommand, GetRoleCredentialsCommand,
  LogoutCommand, UnauthorizedException,
} from "@aws-sdk/client-sso";
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";

const base = (process.argv[2] ?? process.env.GATEHOUSE_URL ?? "").replace(/\/+$/, "");
if (!base) {
  console.error("usage: node flow.mjs <Gatehouse base URL>   (or set GATEHOUSE_URL)");
  process.exit(2);
}
const endpoint = { endpoint: base, region: "us-east-1" };
const oidc = new SSOOIDCClient(endpoint);
const sso = new SSOClient(endpoint);
const DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
const sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** Runs a call that must fail, and returns the error as the caller sees it. */
async function failure(call) {
  try {
    await call();
  } catch (e) {
    if (!e.$metadata) throw e; // not an error of the service: unexpected
    return {
      name: e.name, type: e.constructor.name, status: e.$metadata.httpStatusCode, message: e.message, fault: e.$fault,
      requestId: e.$metadata.requestId, error: e.error, errorDescription: e.error_description,
      unauthorizedException: e instanceof UnauthorizedException,
    };
  }
  throw new Error("the call succeeded, but an error was expected");
}

async function accounts(accessToken, pageSize) {
  const pages = [];
  for await (const page of paginateListAccounts({ client: sso, pageSize }, { accessToken })) pages.push(page);
  return { pages: pages.length, accounts: pages.flatMap((p) => p.accountList ?? []) };
}

async function main() {
  // SSO OIDC: device authorization, as `aws sso login --use-device-code` does it
  const client = await oidc.send(new RegisterClientCommand({ clientName: "gatehouse-js-compat", clientType: "public" }));
  const { clientId, clientSecret } = client;
  const device = await oidc.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: `${base}/start` }));
  const poll = { grantType: DEVICE_CODE, clientId, clientSecret, deviceCode: device.deviceCode };
  let interval = device.interval ?? 5;
  const deadline = Date.now() + device.expiresIn * 1000;
  let pending = 0, slowDowns = 0, tokens, announced = false;
  while (!tokens) {
    try {
      tokens = await oidc.send(new CreateTokenCommand(poll));
    } catch (e) {
      if (e instanceof AuthorizationPendingException) pending++;
      else if (e instanceof SlowDownException) { slowDowns++; interval += 5; } // RFC 8628
      else throw e;
      if (Date.now() > deadline) throw new Error("the device code expired before anyone approved it");
      // the first poll comes before anyone can know the code, so it is always pending
      if (!announced) { console.log(`USER_CODE ${device.userCode}`); announced = true; }
      await sleep(interval);
    }
  }

  // the access portal: every account (two per page, so that nextToken is followed), the first
  // account's roles, credentials for the first role
  const listed = await accounts(tokens.accessToken, 2);
  const account = listed.accounts[0].accountId;
  const roles = [];
  for await (const page of paginateListAccountRoles({ client: sso }, { accessToken: tokens.accessToken, accountId: account })) {
    roles.push(...(page.roleList ?? []));
  }
  const role = roles[0].roleName;
  const { roleCredentials } = await sso.send(new GetRoleCredentialsCommand({
    accessToken: tokens.accessToken, accountId: account, roleName: role }));
  const unknownRole = await failure(() => sso.send(new GetRoleCredentialsCommand({
    accessToken: tokens.accessToken, accountId: account, roleName: "NoSuchRole" })));

  // STS, signed (SigV4) by the SDK with those role credentials
  const { accessKeyId, secretAccessKey, sessionToken } = roleCredentials;
  const sts = new STSClient({ ...endpoint, credentials: { accessKeyId, secretAccessKey, sessionToken } });
  const identity = await sts.send(new GetCallerIdentityCommand({}));

  // refresh-token rotation, and the new access token at work
  const refresh = { grantType: "refresh_token", clientId, clientSecret, refreshToken: tokens.refreshToken };
  const refreshed = await oidc.send(new CreateTokenCommand(refresh));
  const afterRefresh = await accounts(refreshed.accessToken);

  // Logout ends the sign-in session: its tokens stop working
  await sso.send(new LogoutCommand({ accessToken: refreshed.accessToken }));
  const afterLogout = await failure(() => sso.send(new ListAccountsCommand({ accessToken: refreshed.accessToken })));
  const refreshAfterLogout = await failure(() => oidc.send(new CreateTokenCommand({
    ...refresh, refreshToken: refreshed.refreshToken })));
  const wrongDeviceCode = await failure(() => oidc.send(new CreateTokenCommand({ ...poll, deviceCode: "ghdc_wrong" })));

  console.log("RESULT " + JSON.stringify({
    client: { clientId, secretExpiresAt: client.clientSecretExpiresAt },
    device: { userCode: device.userCode, verificationUriComplete: device.verificationUriComplete,
      expiresIn: device.expiresIn, interval: device.interval, pending, slowDowns },
    tokens: { tokenType: tokens.tokenType, expiresIn: tokens.expiresIn, hasRefreshToken: !!tokens.refreshToken },
    accounts: listed.accounts.map(({ accountId, accountName, emailAddress }) => ({ accountId, accountName, emailAddress })),
    accountPages: listed.pages,
    roles: roles.map(({ accountId, roleName }) => ({ accountId, roleName })),
    credentials: { accountId: account, roleName: role, accessKeyId, expiration: roleCredentials.expiration,
      hasSecret: !!secretAccessKey, hasSessionToken: !!sessionToken },
    unknownRole,
    identity: { Account: identity.Account, Arn: identity.Arn, UserId: identity.UserId,
      status: identity.$metadata.httpStatusCode, requestId: identity.$metadata.requestId,
      attempts: identity.$metadata.attempts },
    refreshed: { tokenType: refreshed.tokenType, expiresIn: refreshed.expiresIn,
      newAccessToken: refreshed.accessToken !== tokens.accessToken,
      rotatedRefreshToken: !!refreshed.refreshToken && refreshed.refreshToken !== tokens.refreshToken,
      accounts: afterRefresh.accounts.map((a) => a.accountId) },
    afterLogout, refreshAfterLogout, wrongDeviceCode,
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
