package com.getpaidx.orgs.shared.web;

import java.io.IOException;

/** Thrown by the request stream once a body passes the limit; an IOException so parsers stop at once. */
class PayloadTooLarge extends IOException {

    PayloadTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
