import { Center, Loader } from "@mantine/core";
import { lazy, Suspense } from "react";
import { ErrorAlert } from "../../app/error-alert";
import { ChangePasswordPage } from "./change-password-page";
import { useSession } from "./session";
import { SignInPage } from "./sign-in-page";

// The signed-in app (router, layout, Mantine components it needs) loads only after sign-in.
const SignedInApp = lazy(() => import("../../app/signed-in-app").then((m) => ({ default: m.SignedInApp })));

function FullPageLoader() {
  return (
    <Center h="100vh" role="status" aria-label="…">
      <Loader size="sm" />
    </Center>
  );
}

/** Signed out → sign-in; password must change → that form; otherwise the app at the current URL. */
export function AuthGate() {
  const session = useSession();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) {
    return (
      <Center h="100vh" p="md" component="main">
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </Center>
    );
  }
  if (!session.data) return <SignInPage />;
  if (session.data.user.mustChangePassword) return <ChangePasswordPage />;
  return (
    <Suspense fallback={<FullPageLoader />}>
      <SignedInApp />
    </Suspense>
  );
}
