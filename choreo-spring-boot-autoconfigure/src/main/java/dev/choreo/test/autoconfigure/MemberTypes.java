package dev.choreo.test.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * Reads the types of a class's fields and constructor parameters from its class file,
 * without loading the class.
 */
final class MemberTypes extends ClassVisitor {

	private final Set<String> types = new LinkedHashSet<>();

	private MemberTypes() {
		super(SpringAsmInfo.ASM_VERSION);
	}

	static Set<String> read(InputStream classFile) throws IOException {
		MemberTypes visitor = new MemberTypes();
		new ClassReader(classFile).accept(visitor,
				ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return visitor.types;
	}

	@Override
	public @Nullable FieldVisitor visitField(int access, String name, String descriptor, @Nullable String signature,
			@Nullable Object value) {
		add(Type.getType(descriptor));
		return null;
	}

	@Override
	public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
			String @Nullable [] exceptions) {
		if ("<init>".equals(name)) {
			for (Type parameter : Type.getArgumentTypes(descriptor)) {
				add(parameter);
			}
		}
		return null;
	}

	private void add(Type type) {
		if (type.getSort() == Type.OBJECT) {
			this.types.add(type.getClassName());
		}
	}

}
