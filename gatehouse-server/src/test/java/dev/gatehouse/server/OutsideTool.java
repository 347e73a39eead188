package dev.gatehouse.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A program from outside Maven that a test class needs (a browser, nginx, Node.js). When it is
 * missing, each test of the class is skipped with a message that says what to install; under
 * {@code CI=true} (any value of {@code CI} but empty, {@code false} or {@code 0}) the class fails
 * instead, since {@code .ci/run} must have installed it. A skipped test is disabled, not aborted, so
 * its {@code @BeforeEach} and {@code @AfterEach} never run on fields that were never set.
 *
 * <pre>{@code @RegisterExtension
 * static final OutsideTool NGINX = new OutsideTool("nginx", () -> ..., "apt-get install nginx-light");}</pre>
 */
public final class OutsideTool implements ExecutionCondition, BeforeAllCallback {
    private final String name;
    private final Supplier<String> probe;
    private final String install;
    private Optional<String> missing;

    /**
     * @param probe   why the tool cannot be used here (for example which file is absent), or null when it can
     * @param install what to install or run to have it
     */
    public OutsideTool(String name, Supplier<String> probe, String install) {
        this.name = name;
        this.probe = probe;
        this.install = install;
    }

    /** Why the tool cannot be used here; empty when it can. Probed once. */
    public synchronized Optional<String> missing() {
        if (missing == null) {
            missing = Optional.ofNullable(probe.get());
        }
        return missing;
    }

    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /** Fails the whole class under CI when the tool is missing. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (inCi() && missing().isPresent()) {
            fail(name + " is needed in CI, but " + missing().get() + ". .ci/run must provide it: " + install);
        }
    }

    /** Skips each test (not the class at once, so that the report counts every one) when the tool is missing. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || missing().isEmpty() || inCi()) {
            return ConditionEvaluationResult.enabled(null);
        }
        return ConditionEvaluationResult.disabled(name + " is not available here (" + missing().get()
                + "); skipped. To run it: " + install);
    }
}
