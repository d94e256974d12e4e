package dev.tollgate.app;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The server builder the component is handed: Netty on a port, or in-process in tests. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@interface Transport {}
