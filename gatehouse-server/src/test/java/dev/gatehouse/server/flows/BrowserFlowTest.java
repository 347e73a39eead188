package dev.gatehouse.server.flows;

import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import dev.gatehouse.server.web.Browser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every Chromium flow test starts from: a fresh {@link TestService} on its own data, and the
 * shared headless browser with no cookies, its screenshots named after the test.
 */
abstract class BrowserFlowTest {
    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    Path dataDir;
    TestService service;
    BrowserSteps steps;

    /** The directory file the service starts with; a class may name an external identity source in it. */
    DirectoryFile directory() {
        return TestDirectory.create();
    }

    @BeforeEach
    void startServiceAndBrowser(TestInfo test) {
        service = new TestService(dataDir, directory());
        steps = new BrowserSteps(browser, service, test.getTestMethod().orElseThrow().getName());
        steps.forgetCookies();
    }

    @AfterEach
    void stopService() {
        service.close();
    }
}
