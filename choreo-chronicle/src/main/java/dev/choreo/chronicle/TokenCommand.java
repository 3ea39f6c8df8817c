package dev.choreo.chronicle;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.choreo.chronicle.security.TenantNames;
import dev.choreo.chronicle.security.TokenScope;
import dev.choreo.chronicle.security.TokenService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code token create <tenant> [--scope=ingest|read] [--description=text]}: creates the
 * tenant when it is new and a token for it, prints the token once on standard output and
 * exits. Runs against the configured database (or the embedded one in
 * {@code chronicle.data-dir}, which must not be in use by a running server). Other
 * {@code --name=value} arguments configure Chronicle as usual, e.g.
 * {@code --spring.datasource.url=...}.
 *
 * @author Choreo
 */
public final class TokenCommand {

	private static final String USAGE = "Usage: java -jar choreo-chronicle.jar token create <tenant>"
			+ " [--scope=ingest|read] [--description=text]";

	private TokenCommand() {
	}

	static boolean isCommand(String[] args) {
		return args.length > 0 && "token".equals(args[0]);
	}

	/**
	 * Run the command.
	 * @param args the arguments, starting with {@code token}
	 * @param out where the token is printed
	 * @param err where messages go
	 * @return the exit code
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> words = Arrays.stream(args).filter((arg) -> !arg.startsWith("--")).toList();
		if (words.size() != 3 || !"create".equals(words.get(1))) {
			err.println(USAGE);
			return 2;
		}
		String tenant;
		TokenScope scope;
		try {
			tenant = TenantNames.normalise(words.get(2));
			scope = TokenScope.of(option(args, "scope", "ingest"));
		}
		catch (IllegalArgumentException | TenantNames.InvalidTenantException ex) {
			err.println("Invalid tenant or scope. " + USAGE);
			return 2;
		}
		List<String> springArgs = new ArrayList<>(Arrays.stream(args).filter((arg) -> arg.startsWith("--")).toList());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChronicleApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run(springArgs.toArray(String[]::new))) {
			String description = option(args, "description", "");
			TokenService.NewToken token = context.getBean(TokenService.class)
				.create(tenant, scope, description.isEmpty() ? null : description);
			out.println(token.token());
			err.println("Created a " + scope.value() + " token for tenant '" + token.tenant()
					+ "'. It is shown once: Chronicle keeps only its SHA-256.");
			return 0;
		}
	}

	private static String option(String[] args, String name, String fallback) {
		String prefix = "--" + name + "=";
		return Arrays.stream(args)
			.filter((arg) -> arg.startsWith(prefix))
			.map((arg) -> arg.substring(prefix.length()))
			.findFirst()
			.orElse(fallback);
	}

}
