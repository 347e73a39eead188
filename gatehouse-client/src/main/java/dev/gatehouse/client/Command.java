package dev.gatehouse.client;

/**
 * One API call: an operation and its immutable input. The type parameters tie the input to the
 * output, so that {@code client.send(new ListAccountsCommand(input))} returns a
 * {@code ListAccountsOutput} without a cast. Commands are made with {@code new}, one class per
 * operation ({@code dev.gatehouse.client.sso.ListAccountsCommand}, …); they are immutable and may be
 * sent any number of times, from any thread.
 *
 * @param <I> the operation's input
 * @param <O> the operation's output
 */
public interface Command<I, O> {
    /** The operation's name as in the service model, for example {@code ListAccounts}. */
    String operationName();

    /** The input this command sends. */
    I input();
}
