package dev.choreo.chronicle.storage;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Positional SQL arguments that may be {@code null} (for
 * {@code JdbcClient.params(List)}).
 *
 * @author Choreo
 */
public final class SqlArgs {

	private SqlArgs() {
	}

	/**
	 * Return the arguments as a list.
	 * @param values the arguments, {@code null} allowed
	 * @return the list
	 */
	public static List<@Nullable Object> of(@Nullable Object... values) {
		return Arrays.asList(values);
	}

}
