/**
 * Order statuses on Redis.
 */
@NullMarked
package dev.choreo.sample.status;

import org.jspecify.annotations.NullMarked;
