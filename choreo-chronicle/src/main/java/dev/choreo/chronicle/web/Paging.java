package dev.choreo.chronicle.web;

/**
 * Checks paging parameters: limit 1 to 500, offset 0 to 10,000.
 *
 * @author Choreo
 */
final class Paging {

	private Paging() {
	}

	static void check(int limit, int offset) {
		if (limit < 1 || limit > 500) {
			throw ApiException.unprocessable("limit must be between 1 and 500");
		}
		if (offset < 0 || offset > 10_000) {
			throw ApiException.unprocessable("offset must be between 0 and 10000");
		}
	}

}
