package dev.choreo.internal;

import org.jspecify.annotations.Nullable;

/**
 * The versions of Choreo and of the libraries around it, for reports.
 */
public final class Versions {

	private Versions() {
	}

	/**
	 * Return Choreo's version, from the jar manifest.
	 * @return the version, or {@code unknown} when running from classes
	 */
	public static String choreo() {
		return orUnknown(Versions.class.getPackage().getImplementationVersion());
	}

	/**
	 * Return the implementation version of the jar that holds a class, if it is on the
	 * class path.
	 * @param className the class name
	 * @return the version, or {@code null} when the class is absent or the jar names none
	 */
	public static @Nullable String of(String className) {
		try {
			Class<?> type = Class.forName(className, false, Versions.class.getClassLoader());
			Package pkg = type.getPackage();
			return (pkg != null) ? pkg.getImplementationVersion() : null;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private static String orUnknown(@Nullable String version) {
		return (version != null) ? version : "unknown";
	}

}
