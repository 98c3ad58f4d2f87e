/** TLS on the EA port and to the host, from PEM files. */
package com.vproptrader.gateway.tls;
