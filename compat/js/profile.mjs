// What most JavaScript code does with IAM Identity Center: nothing but name a profile. The SDK's
// default credential chain reads the profile's sso-session from ~/.aws/config and the token that
// `aws sso login` (or `gatehouse login`) cached in ~/.aws/sso/cache, refreshes that token when it
// is about to expire (and writes it back), and gets role credentials; the endpoints come from
// AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_SSO, _SSO_OIDC, _STS).
//
//   AWS_ENDPOINT_URL=http://127.0.0.1:8080 node profile.mjs dev
//
// Prints one line "RESULT {json}" with the caller identity; any error goes to stderr, exit code 1.
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";

const profile = process.argv[2] ?? process.env.AWS_PROFILE;
try {
  const identity = await new STSClient({ profile }).send(new GetCallerIdentityCommand({}));
  const { Account, Arn, UserId } = identity;
  console.log("RESULT " + JSON.stringify({ Account, Arn, UserId }));
} catch (e) {
  console.error(e);
  process.exit(1);
}
