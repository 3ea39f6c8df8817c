package dev.choreo.chronicle.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signing in to the dashboard with a tenant token, and out again.
 *
 * @author Choreo
 */
@Controller
class SignInController {

	private final DashboardAccess access;

	SignInController(DashboardAccess access) {
		this.access = access;
	}

	@GetMapping("/login")
	String form(Model model, @RequestParam(required = false) @Nullable String next) {
		model.addAttribute("next", safeNext(next));
		return "dashboard/login";
	}

	@PostMapping("/login")
	String signIn(HttpServletRequest request, Model model, @RequestParam String token,
			@RequestParam(required = false) @Nullable String next) {
		if (this.access.signIn(request, token).isEmpty()) {
			model.addAttribute("next", safeNext(next));
			model.addAttribute("error", "This token is not a known tenant token, or it was revoked."
					+ " Create one with: java -jar choreo-chronicle.jar token create <tenant> --scope=read");
			return "dashboard/login";
		}
		return "redirect:" + safeNext(next);
	}

	@PostMapping("/logout")
	String signOut(HttpServletRequest request) {
		this.access.signOut(request);
		return "redirect:/login";
	}

	/**
	 * A path on this server to return to after signing in, never another host.
	 */
	static String safeNext(@Nullable String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
				|| next.chars().anyMatch((c) -> c < 0x20)) {
			return "/";
		}
		return next;
	}

	/**
	 * Sends a visitor without a session to the sign-in page, and back afterwards.
	 */
	@ControllerAdvice(assignableTypes = { DashboardController.class, DashboardStreamController.class })
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class SignInAdvice {

		@ExceptionHandler(ResponseStatusException.class)
		String status(ResponseStatusException ex, HttpServletResponse response, Model model) {
			response.setStatus(ex.getStatusCode().value());
			model.addAttribute("status", ex.getStatusCode().value());
			model.addAttribute("message", (ex.getReason() != null) ? ex.getReason() : "The page could not be shown");
			return "dashboard/error";
		}

		@ExceptionHandler(DashboardAccess.SignInRequiredException.class)
		String signIn(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String query = request.getQueryString();
			String next = (query != null) ? path + "?" + query : path;
			return "redirect:"
					+ UriComponentsBuilder.fromPath("/login").queryParam("next", next).encode().toUriString();
		}

	}

}
