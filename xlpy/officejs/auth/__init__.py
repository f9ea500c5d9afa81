"""Auth providers of the Budget add-in, found by xlwings Server as `auth.<provider>`."""
